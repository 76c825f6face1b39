// helmet's parts registered one by one cover the four core headers.
import express from 'express';
import helmet from 'helmet';

const app = express();
app.use(helmet.contentSecurityPolicy());
app.use(helmet.hsts({ maxAge: 31536000 }));
app.use(helmet.noSniff());
app.use(helmet.frameguard({ action: 'deny' }));
app.get('/', (req, res) => res.send('ok'));
app.listen(3000);
