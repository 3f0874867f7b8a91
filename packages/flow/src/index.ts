export { FlowBuffers } from './buffers.ts';
export { createNetwork } from './min-cost-flow.ts';
export type { FlowNetwork, FlowResult, MinCostFlowNetwork, NetworkArrays, SolveOptions } from './min-cost-flow.ts';
export { keepShape } from './keep-shape.ts';
