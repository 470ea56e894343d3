// Search, enhanced in the browser: results as you type (see the next commit).
