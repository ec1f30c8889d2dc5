# leakstop: multi-stage build, runs as a non-root user on Node LTS slim.
# Build:  docker build -t leakstop .
# Redis:  docker run -d --name leakstop-redis -v leakstop-redis:/data redis:7 \
#           redis-server --appendonly yes --appendfsync everysec --maxmemory-policy noeviction
#         (leakstop refuses a Redis without an append-only file: a restart would forget queued scans)
# App:    docker run -p 3000:3000 -e APP_ID -e PRIVATE_KEY -e WEBHOOK_SECRET -e REDIS_URL leakstop
#         (`leakstop start`: webhook server and workers in one process; run `web` and `worker`
#         as separate containers to scale them apart)
# CLI:    docker run --rm -v "$PWD:/src:ro" leakstop scan /src
FROM node:22-bookworm-slim AS build
# python3, make and g++: node-gyp builds the native keyword prefilter (binding.gyp) at npm ci.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json binding.gyp ./
COPY src ./src
COPY bin ./bin
RUN npm ci --no-audit --no-fund && test -f build/Release/leakstop_prefilter.node && npm prune --omit=dev

FROM node:22-bookworm-slim
ENV NODE_ENV=production
# git: `leakstop scan --git` and the app's clones read history with the git CLI.
RUN apt-get update && apt-get install -y --no-install-recommends git ca-certificates \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/build/Release/leakstop_prefilter.node ./build/Release/
COPY app.yml ./
USER node
ENV PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["node", "/app/bin/leakstop.js"]
CMD ["start"]
