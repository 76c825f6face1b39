// Registers the quote route and the error handler from lib/.
const Fastify = require('fastify');
const errorHandler = require('./lib/error-handler');
const { quote } = require('./lib/rates');

const app = Fastify({ logger: true });

app.setErrorHandler(errorHandler);

app.get('/quote', async (request) => {
  return quote(request.query.country, request.query.weight);
});

app.listen({ port: Number(process.env.PORT) || 3000, host: '0.0.0.0' });
