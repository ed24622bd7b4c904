export * from './format';
export * from '../canonical/canonicalJson';
export * from '../canonical/sha256';
export * from './content';
export * from './errors';
export * from './serialize';
export * from './parse';
export * from './zip';
