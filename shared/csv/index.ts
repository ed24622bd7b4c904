export * from './csvText';
export * from './columns';
export * from './exportCsv';
export * from './importPlan';
export * from './peopleList';
export * from './vacancy';
export * from './references';
