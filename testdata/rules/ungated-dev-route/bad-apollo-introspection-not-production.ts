import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@apollo/server/express4';
import { typeDefs } from './schema';
import { resolvers, type Context } from './resolvers';

async function main(): Promise<void> {
  // "Off in production" only holds when the deploy remembers NODE_ENV.
  const introspection = process.env.NODE_ENV !== 'production';
  const server = new ApolloServer<Context>({ typeDefs, resolvers, introspection }); // expect: ungated-dev-route
  await server.start();

  const app = express();
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(server, {
      context: async ({ req }) => ({ userId: req.header('x-user-id') ?? null }),
    })
  );

  const port = Number(process.env.PORT ?? 4000);
  app.listen(port, () => console.log(`graphql on :${port}`));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
