const { auth } = require('../plugins/auth');

const users = [
  { id: '1', name: 'Ada', email: 'ada@example.test' },
  { id: '2', name: 'Grace', email: 'grace@example.test' },
];

const createUserSchema = {
  body: {
    type: 'object',
    required: ['name', 'email'],
    properties: {
      name: { type: 'string', minLength: 1 },
      email: { type: 'string', format: 'email' },
    },
  },
  response: {
    201: {
      type: 'object',
      properties: { id: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' } },
    },
  },
};

async function createUser(request, reply) {
  const user = { id: String(users.length + 1), ...request.body };
  users.push(user);
  reply.code(201);
  return user;
}

async function usersRoutes(fastify) {
  fastify.get('/', async () => users);

  fastify.get('/:id', { preHandler: [auth] }, async (request, reply) => {
    const user = users.find((u) => u.id === request.params.id);
    if (!user) {
      return reply.code(404).send({ error: 'user not found' });
    }
    return user;
  });

  fastify.route({
    method: ['POST'],
    url: '/',
    schema: createUserSchema,
    preHandler: fastify.authenticate,
    handler: createUser,
  });

  fastify.register(require('./orders'), { prefix: '/:id/orders' });
}

module.exports = usersRoutes;
