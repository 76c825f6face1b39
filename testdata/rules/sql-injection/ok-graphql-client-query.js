const express = require('express');
const { GraphQLClient } = require('graphql-request');

const client = new GraphQLClient('https://api.example.com/graphql');
const app = express();

app.get('/repos', async (req, res) => {
  res.json(await client.request(`query { user(login: "${req.query.login}") { name } }`));
});

app.listen(3000);
