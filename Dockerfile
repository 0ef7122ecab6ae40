# Passerelle: one image serving the API and the built front end on one port.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund --loglevel=error
COPY . .
RUN NX_DAEMON=false npx nx run-many -t build -p api web --outputStyle=static

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    WEB_DIR=/app/dist/apps/web/browser \
    STORAGE_DIR=/var/lib/passerelle/storage \
    DATA_DIR=/var/lib/passerelle
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund --loglevel=error && npm cache clean --force
COPY --from=build /app/dist ./dist
RUN mkdir -p /var/lib/passerelle && chown node:node /var/lib/passerelle
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/apps/api/main.js"]
