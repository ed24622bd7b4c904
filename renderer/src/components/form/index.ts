export { FieldShell } from './FieldShell';
export {
  DateField,
  DateTimeField,
  SelectField,
  TextAreaField,
  TextField,
  errorOf,
  type FieldProps,
  type SelectOption,
} from './fields';
export { StakeholderMultiSelect, stakeholderLabel } from './StakeholderMultiSelect';
export { ChoiceMultiSelect, MultiPicker } from './ChoiceMultiSelect';
export { ComboboxField } from './ComboboxField';
export { applyStoreErrors } from './storeErrors';
export { FormDialog } from './FormDialog';
export { FormError } from './FormError';
export { FormSection } from './FormSection';
export {
  emptyToNull,
  isoToLocalInput,
  localDateTimeField,
  localInputToIso,
  optionalDateField,
  optionalIdField,
} from './formValues';
export { RecordFormDialog } from './RecordFormDialog';
