import express from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const app = express();
app.use(express.json());

// The unsafe variants take bind values after the text: `$1` is sent apart.
app.get('/users', async (req, res) => {
  const email = String(req.query.email);
  res.json(await prisma.$queryRawUnsafe('SELECT id, name FROM "User" WHERE email = $1', email));
});

app.post('/users/:id/rename', async (req, res) => {
  const count = await prisma.$executeRawUnsafe('UPDATE "User" SET name = $1 WHERE id = $2', req.body.name, Number(req.params.id));
  res.json({ count });
});

app.listen(3000);
