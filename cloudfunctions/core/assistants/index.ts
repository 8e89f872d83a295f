/** The academic-assistant programme (rules: 000): the public surface of core/assistants. */
export { assistantSettings } from './settings';
export { dataChecks, unknownItems, verdictOf, type Verdict } from './eligibility';
export { publicityFrom, publicityOpen, publicityOver } from './publicity';
export { nextCall, stepLabel, stepOwners, type CallEvent, type StepActor, type Transition } from './workflow';
export { checkAssignment, checkClassFree, type AssignmentCheck, type AssignmentRequest } from './assignment';
export {
  applyDecision,
  checkCallDates,
  eligibilityDecision,
  requireGraduate,
  type EligibilityDecision,
} from './selection-rules';
export { assignmentToChange, isRepeatFiling, outgoingOf, requireIncoming } from './change-filing';
export { changeWindow, windowPosition, type ChangeWindow, type WindowPosition } from './change-window';
export { checkChangeFiling, effectiveMonthOf, nextChange, type ChangeEvent } from './change';
export { monthsOf, stipendColumns, stipendRows, stipendSheet, type StipendLine, type StipendSheet } from './stipend';
export { rateAssistant, ratingLabel, type Rating } from './assessment';
export { assistantPages, assistantStep } from './messages';
