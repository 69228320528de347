// The condition language's two entry points, for callers that want both.
export { readCondition } from './read-condition.js';
export { evaluateCondition } from './evaluate-condition.js';
