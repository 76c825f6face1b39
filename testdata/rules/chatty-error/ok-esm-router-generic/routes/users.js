// An ESM router whose catch logs the error and sends a generic 500.
import { Router } from 'express';
import { db } from '../db.js';

const router = Router();

router.get('/', async (req, res) => {
  try {
    const users = await db.collection('users').find({}, { projection: { password: 0 } }).limit(100).toArray();
    res.json(users);
  } catch (err) {
    console.error('listing users failed', err);
    res.status(500).json({ error: 'Could not list users' });
  }
});

export default router;
