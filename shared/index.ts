/** The wire contract between server and client: nothing else crosses the wire. */
export { PROTOCOL_VERSION } from './protocol';
export {
  VISEMES, EXPRESSIONS, GESTURES, isExpression, isGesture,
  type Viseme, type VisemeKeyframe, type Expression, type Gesture,
} from './performance';
export { utteranceId, type Utterance, type UtterancePlan } from './utterance';
export { checkDisplayName, NAME_MAX_LENGTH, type NameCheck } from './names';
