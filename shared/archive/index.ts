export * from './format';
export * from './canonical';
export * from './checksum';
export * from './content';
export * from './errors';
export * from './serialize';
export * from './parse';
