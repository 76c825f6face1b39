import express from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const app = express();
app.use(express.json());

app.patch('/profiles/:id', async (req, res) => {
  const { displayName, bio } = req.body as { displayName?: string; bio?: string };
  let sql = 'UPDATE "Profile" SET updated_at = now()';
  if (displayName) sql += `, display_name = '${displayName}'`;
  if (bio) sql += `, bio = '${bio}'`;
  sql += ` WHERE id = ${Number(req.params.id)}`;
  const count = await prisma.$executeRawUnsafe(sql); // expect: sql-injection
  res.json({ count });
});

app.listen(3000);
