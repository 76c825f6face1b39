// A TypeScript Express handler logs a `catch (e: unknown)` and sends a generic 500.
import express, { Request, Response } from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const app = express();

app.get('/api/projects', async (req: Request, res: Response) => {
  try {
    const projects = await prisma.project.findMany({ where: { ownerId: String(req.query.owner) } });
    res.json(projects);
  } catch (e: unknown) {
    console.error('findMany failed', e);
    res.status(500).send({ error: 'Internal Server Error' });
  }
});

app.listen(3000);
