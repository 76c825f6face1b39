const express = require('express');
const { graphqlHTTP } = require('express-graphql');
const { buildSchema } = require('graphql');

const schema = buildSchema(`
  type Book { id: ID!, title: String!, author: String! }
  type Query { books: [Book!]!, book(id: ID!): Book }
`);

const books = [{ id: '1', title: 'Dune', author: 'Frank Herbert' }];

const rootValue = {
  books: () => books,
  book: ({ id }) => books.find((b) => b.id === id),
};

const app = express();

// The in-browser IDE is handy when writing queries; it ships to prod as well.
app.use('/graphql', graphqlHTTP({ schema, rootValue, graphiql: true })); // expect: ungated-dev-route

app.listen(4000, () => console.log('GraphQL on :4000/graphql'));
