import express from 'express';
import helmet from 'helmet';
import cors from 'cors';

const app = express();

app.use([helmet(), cors()]);

app.get('/api/ping', (req, res) => res.send('pong'));

export default app;
