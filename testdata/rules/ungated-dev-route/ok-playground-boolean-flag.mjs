import express from 'express';
import { createHandler } from 'graphql-http/lib/use/express';
import expressPlayground from 'graphql-playground-middleware-express';
import { schema } from './schema.mjs';

const app = express();

app.post('/graphql', createHandler({ schema }));

// Any non-empty ENABLE_PLAYGROUND turns the IDE on; unset means off.
const playgroundEnabled = !!process.env.ENABLE_PLAYGROUND;
if (playgroundEnabled) {
  app.get('/playground', expressPlayground({ endpoint: '/graphql' }));
}

app.get('/healthz', (req, res) => {
  res.json({ ok: true });
});

const port = Number(process.env.PORT ?? 4000);
app.listen(port, () => {
  console.log(`graphql on http://localhost:${port}/graphql`);
});
