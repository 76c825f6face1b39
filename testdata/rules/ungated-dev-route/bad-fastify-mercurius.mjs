import Fastify from 'fastify';
import mercurius from 'mercurius';

const schema = `
  type Event { id: ID!, title: String!, startsAt: String! }
  type Query { events(limit: Int = 10): [Event!]! }
`;

const resolvers = {
  Query: {
    events: async (_root, { limit }) =>
      [{ id: '1', title: 'Launch party', startsAt: '2024-06-01T18:00:00Z' }].slice(0, limit),
  },
};

const app = Fastify({ logger: true });

// GraphiQL at /graphiql: the schema explorer is served to everyone.
app.register(mercurius, { schema, resolvers, graphiql: true }); // expect: ungated-dev-route

app.get('/healthz', async () => ({ ok: true }));

await app.listen({ port: 4000, host: '0.0.0.0' });
