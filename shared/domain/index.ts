/** The domain rules of Prozvon (docs/domain.md), one place: pure functions, no I/O. */
export * from './schemas';
export * from './tabs';
export * from './results';
export * from './center';
export * from './money';
export * from './phone';
export * from './spam';
export * from './comment';
export * from './reasons';
export * from './delivery';
export * from './promo';
export * from './pricing';
export * from './script-vars';
export * from './customer-zone';
export * from './calling-window';
export * from './russia-regions';
