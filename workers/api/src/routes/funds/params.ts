/** The OpenAPI tag of the funds routes. */
export const TAG = '经费保障';
