export * from './buildSampleEngagement';
export * from './sampleMemo';
