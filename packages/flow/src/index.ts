export { createNetwork } from './min-cost-flow.ts';
export type { FlowNetwork, FlowResult, MinCostFlowNetwork, SolveOptions } from './min-cost-flow.ts';
