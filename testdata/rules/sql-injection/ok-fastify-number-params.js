const fastify = require('fastify')();
const mysql = require('mysql2/promise');

const pool = mysql.createPool({ database: 'shop' });

fastify.get('/orders/:id/lines', async (request) => {
  const id = parseInt(request.params.id, 10);
  const limit = Number(request.query.limit ?? 50);
  if (Number.isNaN(id)) {
    throw new Error('bad id');
  }
  const [rows] = await pool.query(`SELECT * FROM order_lines WHERE order_id = ${id} LIMIT ${limit}`);
  return rows;
});

fastify.listen({ port: 3000 });
