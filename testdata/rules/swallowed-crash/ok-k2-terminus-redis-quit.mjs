// Shutdown cleanup through terminus: each empty catch guards a single awaited close.
import http from 'node:http';
import express from 'express';
import Redis from 'ioredis';
import { MongoClient } from 'mongodb';
import { createTerminus } from '@godaddy/terminus';

const redis = new Redis(process.env.REDIS_URL);
const mongo = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017');
const app = express();
app.get('/health', (req, res) => res.json({ ok: true }));

async function onSignal() {
  try { await redis.quit(); } catch {}
  try { await mongo.close(); } catch {}
}

const server = http.createServer(app);
createTerminus(server, { signals: ['SIGTERM', 'SIGINT'], timeout: 10000, onSignal });

await mongo.connect();
server.listen(3000);
