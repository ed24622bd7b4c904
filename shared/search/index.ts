export * from './searchDocument';
export * from './searchIndex';
export * from './highlight';
