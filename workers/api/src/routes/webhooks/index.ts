import { createEndpointRouter } from './endpoint-create.ts';
import { rotateSecretRouter } from './endpoint-rotate.ts';
import { updateEndpointRouter } from './endpoint-update.ts';
import { listEndpointsRouter } from './endpoints-list.ts';
import { listDeliveriesRouter } from './deliveries-list.ts';
import { replayDeliveryRouter } from './delivery-replay.ts';

/** Signed webhooks (issue 14, ADR 0028): the county's endpoints and their delivery log. */
export const webhookRouters = [listEndpointsRouter, createEndpointRouter, updateEndpointRouter, rotateSecretRouter, listDeliveriesRouter, replayDeliveryRouter];
