// A Fastify route (ESM) logs the caught error and replies with a generic 500.
import Fastify from 'fastify';
import mysql from 'mysql2/promise';

const pool = mysql.createPool(process.env.DATABASE_URL);
const app = Fastify({ logger: true });

app.get('/api/tickets/:id', async (request, reply) => {
  try {
    const [rows] = await pool.query('SELECT id, title, state FROM tickets WHERE id = ?', [request.params.id]);
    if (rows.length === 0) return reply.code(404).send({ error: 'Ticket not found' });
    return rows[0];
  } catch (err) {
    request.log.error(err);
    return reply.code(500).send({ error: 'Internal Server Error' });
  }
});

await app.listen({ port: 3000 });
