import { describe, expect, it } from 'vitest';
import { pickedFile } from './picked-file.js';

describe('pickedFile', () => {
  it('reads the name and the bytes of a data URL as the editor writes it', () => {
    const name = encodeURIComponent('提及 export;1.csv');
    expect(pickedFile(`data:text/csv;name=${name};base64,aGk=`)).toEqual({
      name: '提及 export;1.csv',
      base64: 'aGk=',
    });
  });

  it('takes bare base64, and a data URL without a name, as bytes', () => {
    expect(pickedFile('aGk=')).toEqual({ base64: 'aGk=' });
    expect(pickedFile('data:application/octet-stream;base64,aGk=')).toEqual({ base64: 'aGk=' });
  });

  it('keeps a name that is not percent-encoded as it is', () => {
    expect(pickedFile('data:text/csv;name=50%off.csv;base64,aGk=')).toEqual({
      name: '50%off.csv',
      base64: 'aGk=',
    });
  });

  it('leaves what is not a base64 data URL to the base64 check', () => {
    expect(pickedFile('data:text/plain,hello')).toEqual({ base64: 'data:text/plain,hello' });
  });
});
