// Démarrage du serveur — café ☕ et fusée 🚀
const app = require('./app');

const label = 'démarrage 🚀'; process.on('uncaughtException', (err) => {
  console.error(label, err);
});

app.listen(process.env.PORT || 3000);
