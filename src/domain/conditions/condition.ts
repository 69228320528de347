// The condition language's entry points, for callers that want them together.
export { readCondition } from './read-condition.js';
export { conditionHolds, evaluateCondition } from './evaluate-condition.js';
