import Fastify from 'fastify';

import { productsByTag } from './catalog.mjs';

const app = Fastify();

app.get('/products', async ({ query }) => {
  const tags = String(query.tags || '').split(/\s*,\s*/); // expect: redos
  return productsByTag(tags.filter(Boolean));
});

await app.listen({ port: 3000 });
