const fastify = require('fastify')();
const { Pool } = require('pg');

const pool = new Pool();

// An ORDER BY column cannot be a bind parameter, so it is often concatenated.
fastify.get('/items', async (request) => {
  const sort = request.query.sort || 'name';
  const { rows } = await pool.query('SELECT * FROM items ORDER BY ' + sort); // expect: sql-injection
  return rows;
});

fastify.listen({ port: 3000 });
