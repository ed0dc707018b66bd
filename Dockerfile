# One image for the gateway and the city workers; the command picks which runs.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json vite.config.ts ./
COPY libs libs
COPY apps apps
COPY bench bench
RUN npm run build

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data/shards \
    NO_COLOR=1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The shards' and the gateway's folders belong to the user the apps run as (uid 1000): a volume
# mounted there takes them; a host folder must be given to uid 1000 (README, "Run on several hosts").
RUN mkdir -p /data/shards /data/gateway && chown -R node:node /data
USER node
EXPOSE 3000 4001
# The gateway checks its own HTTP port; a worker (CITY set) asks itself for its info.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "dist/apps/cli/src/healthcheck.js"]
ENTRYPOINT ["node"]
CMD ["dist/apps/gateway/src/main.js"]
