// Mounts the item router and the error handler module.
const express = require('express');
const itemsRouter = require('./routes/items');
const errorHandler = require('./middleware/error-handler');

const app = express();

app.use('/api/items', itemsRouter);
app.use(errorHandler);

app.listen(process.env.PORT || 3000);
