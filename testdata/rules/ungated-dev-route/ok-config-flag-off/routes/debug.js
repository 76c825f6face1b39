import { Router } from 'express';
import config from '../config.js';

const router = Router();

// Effective settings, database URL and credentials included.
router.get('/config', (req, res) => {
  res.json(config);
});

router.get('/env', (req, res) => {
  res.json(process.env);
});

export default router;
