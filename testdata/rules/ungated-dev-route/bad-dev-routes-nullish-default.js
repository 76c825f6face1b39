const express = require('express');
const { sendMail, renderTemplate } = require('./mailer');

const app = express();
const devRouter = express.Router();

devRouter.get('/mail/:template', async (req, res) => {
  res.type('html').send(await renderTemplate(req.params.template, { name: 'Test User' }));
});

devRouter.post('/mail/:template/send', async (req, res) => {
  await sendMail(String(req.body.to), req.params.template);
  res.sendStatus(202);
});

app.use(express.json());

// `?? true` only falls back when the variable is missing, which is exactly the
// default deployment. (And DEV_ROUTES=false is a non-empty string, so truthy.)
const devRoutesEnabled = process.env.DEV_ROUTES ?? true;
if (devRoutesEnabled) {
  app.use('/dev', devRouter); // expect: ungated-dev-route
}

app.listen(process.env.PORT || 3000);
