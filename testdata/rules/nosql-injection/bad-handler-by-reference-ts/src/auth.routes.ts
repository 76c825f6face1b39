import { Router } from 'express';
import * as auth from './auth.controller';

const router = Router();
router.post('/login', auth.login);

export default router;
