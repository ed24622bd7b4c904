export { useRecordActions, type RecordActions } from './useRecordActions';
export { DeletedRecords } from './DeletedRecords';
export { DeleteButton } from './DeleteButton';
export { DeletedBanner } from './DeletedBanner';
export { useRecordKeys, type RecordKey } from './useRecordKeys';
