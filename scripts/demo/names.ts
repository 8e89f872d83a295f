import { pick } from './random';

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '潘', '袁', '蔡', '蒋', '余'];
const given = ['子涵', '浩然', '欣怡', '宇轩', '梓萱', '俊杰', '雨桐', '思远', '佳怡', '明轩', '诗涵', '博文', '雅琪', '一鸣', '晓雯', '天佑', '可馨', '志强', '婉清', '嘉懿', '泽宇', '若曦', '铭泽', '静怡', '晨阳', '书瑶', '皓轩', '梦琪', '文博', '紫涵', '宏伟', '丽娜', '建国', '海燕', '春梅', '立新'];

export function personName(random: () => number): string {
  return pick(random, surnames) + pick(random, given);
}

export function phone(random: () => number): string {
  const prefix = pick(random, ['138', '139', '150', '151', '152', '158', '159', '177', '186', '187', '188', '199']);
  let rest = '';
  for (let i = 0; i < 8; i++) rest += Math.floor(random() * 10).toString();
  return prefix + rest;
}
