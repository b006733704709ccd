/** The validation modes of the harness (README "Validation"): the one definition. */

/** Strict: the emulator's default. Lenient: unknown enum values and extra fields only warn. */
export const VALIDATION_MODES = ['strict', 'lenient'] as const;
export type ValidationMode = (typeof VALIDATION_MODES)[number];
