import { useRouter } from '@tarojs/taro';
import { readRouteParams, type RouteParams, type RouteShape } from './route-params';

export { pageUrl, routeId } from './route-params';

/** The one way pages read their route parameters: decoded and validated, in H5 and weapp alike. */
export function useRouteParams<S extends RouteShape>(shape: S): RouteParams<S> {
  return readRouteParams(shape, useRouter().params);
}
