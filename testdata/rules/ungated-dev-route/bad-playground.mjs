import express from 'express';
import { createHandler } from 'graphql-http/lib/use/express';
import expressPlayground from 'graphql-playground-middleware-express';
import { schema } from './schema.mjs';

const app = express();

// Queries are POSTed to /graphql ...
app.post('/graphql', createHandler({ schema }));

// ... and a browser GET on the same URL opens GraphQL Playground, which lets
// anyone explore the schema and send queries from a nice UI.
app.get('/graphql', expressPlayground({ endpoint: '/graphql' })); // expect: ungated-dev-route

app.get('/healthz', (req, res) => {
  res.json({ ok: true });
});

const port = Number(process.env.PORT ?? 4000);
app.listen(port, () => {
  console.log(`graphql on http://localhost:${port}/graphql`);
});
