import { z } from '@hono/zod-openapi';

/** A path parameter holding an object's id, documented with its name, meaning and an example. */
export const idParam = (name: string, description: string, example: string) =>
  z
    .string()
    .max(40)
    .openapi({ param: { name, in: 'path' }, example, description });
