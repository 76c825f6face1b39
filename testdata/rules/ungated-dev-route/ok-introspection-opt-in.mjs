import express from 'express';
import cors from 'cors';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@apollo/server/express4';

const typeDefs = `#graphql
  type Product { sku: ID!, name: String!, price: Int! }
  type Query { products: [Product!]! }
`;

const resolvers = {
  Query: {
    products: () => [{ sku: 'A-1', name: 'Kettle', price: 3900 }],
  },
};

// Schema introspection only on a developer machine that says so.
const server = new ApolloServer({ typeDefs, resolvers, introspection: process.env.NODE_ENV === 'development' });
await server.start();

const app = express();

app.use('/graphql', cors(), express.json(), expressMiddleware(server));

app.listen(4000, () => console.log('ready on :4000/graphql'));
