// An ESM router whose catch sends err.message with a 500.
import { Router } from 'express';
import { db } from '../db.js';

const router = Router();

router.get('/', async (req, res) => {
  try {
    const users = await db.collection('users').find({}, { projection: { password: 0 } }).limit(100).toArray();
    res.json(users);
  } catch (err) {
    res.status(500).json({ error: `Could not list users: ${err.message}` }); // expect: chatty-error
  }
});

export default router;
