export * from './buildSampleEngagement';
